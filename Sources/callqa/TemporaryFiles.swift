#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The hidden temporary files outputs are written to (`.NAME.PID.tmp`, beside
/// the output): removed when SIGINT, SIGTERM or SIGHUP ends the run, and —
/// when a run ended without a chance to remove them (a crash, SIGKILL, power
/// loss) — by the next run writing the same output, once the process that
/// made them is gone.
enum TemporaryFiles {
    /// How many temporary files may be open at once (a command writes one or two).
    fileprivate static let capacity = 16

    /// The paths registered, as C strings, for the signal handler to remove.
    /// Written on one thread only; a slot is emptied, never freed, so the
    /// handler never reads freed memory.
    nonisolated(unsafe) fileprivate static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    nonisolated(unsafe) private static var installed = false

    /// The signals that remove the temporary files before ending the run.
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// The name of the temporary file of this process for the output file `name`.
    static func name(for name: String) -> String {
        ".\(name).\(getpid()).tmp"
    }

    /// Registers a temporary file to remove on a signal; call it before
    /// creating the file.
    ///
    /// - Returns: its slot, for ``unregister(_:)``; `nil` when every slot is
    ///   taken (the file is then removed at the next run instead).
    static func register(_ path: String) -> Int? {
        install()
        guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else { return nil }
        slots[slot] = strdup(path)
        return slot
    }

    /// Forgets a temporary file that was renamed into place or removed.
    static func unregister(_ slot: Int?) {
        // The string is left allocated: a signal arriving now may still read it.
        if let slot { slots[slot] = nil }
    }

    /// Installs the signal handlers, once; a signal the run was started
    /// ignoring (`nohup`) stays ignored.
    private static func install() {
        guard !installed else { return }
        installed = true
        _ = slots
        for number in signals {
            let previous = signal(number, removeTemporaryFiles)
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                signal(number, SIG_IGN)
            }
        }
    }

    /// Removes this tool's temporary files for the output `name` in
    /// `directory` whose process has ended: `.NAME.PID.tmp` where no process
    /// PID exists any more.
    static func removeStale(in directory: String, name: String) {
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        let prefix = Array(".\(name).".utf8)
        let suffix = Array(".tmp".utf8)
        while let entry = readdir(stream) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard entryName.count > prefix.count + suffix.count, entryName.starts(with: prefix),
                entryName.suffix(suffix.count).elementsEqual(suffix)
            else { continue }
            let digits = entryName[prefix.count..<(entryName.count - suffix.count)]
            guard digits.count <= 10, digits.allSatisfy({ (0x30...0x39).contains($0) }),
                let process = Int32(String(decoding: digits, as: UTF8.self)), process > 0, process != getpid()
            else { continue }
            // ESRCH: no such process. EPERM means it lives, under another user.
            guard kill(process, 0) != 0 && errno == ESRCH else { continue }
            let path =
                (directory.hasSuffix("/") ? directory : directory + "/") + String(decoding: entryName, as: UTF8.self)
            unlink(path)
        }
    }
}

/// The handler of SIGINT, SIGTERM and SIGHUP: removes the registered
/// temporary files, then ends the process as the signal would have. Only
/// async-signal-safe calls (`unlink`, `signal`, `raise`).
private func removeTemporaryFiles(_ number: Int32) {
    for slot in 0..<TemporaryFiles.capacity {
        if let path = TemporaryFiles.slots[slot] { unlink(path) }
    }
    signal(number, SIG_DFL)
    raise(number)
}
