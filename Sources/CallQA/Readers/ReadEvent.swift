/// What a reader reports as it reads an input: a call, or a diagnostic.
///
/// Readers stream: a multi-call file yields each call as soon as it is read,
/// so memory does not grow with the number of calls. Warnings about a call
/// come before the call; an error that stops a file comes after the calls read
/// before the fault.
public enum ReadEvent: Sendable, Equatable {
    /// A call read completely.
    case call(Call)
    /// A warning, or an error that rejected a call or the rest of the input.
    case diagnostic(Diagnostic)
}
