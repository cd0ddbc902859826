#if CALLQA_FUZZING
    import Foundation

    /// The target and the harness of this fuzzing run: the target named by
    /// `CALLQA_FUZZ_TARGET`, set up once before the first input.
    private let session: (target: FuzzTarget, harness: FuzzHarness) = {
        let name = ProcessInfo.processInfo.environment["CALLQA_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("callqa-fuzz: set CALLQA_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(2)
        }
        do {
            return (target, try FuzzHarness.load())
        } catch {
            FileHandle.standardError.write(Data("callqa-fuzz: \(error)\n".utf8))
            exit(2)
        }
    }()

    /// libFuzzer's set-up hook: loads the harness before the first input, so
    /// that its cost and its memory are not charged to an input.
    @_cdecl("LLVMFuzzerInitialize")
    public func fuzzerInitialize(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
    ) -> CInt {
        _ = session
        return 0
    }

    /// libFuzzer's entry point: runs one input through the selected target.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzerTestOneInput(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
        session.target.run(bytes, with: session.harness)
        return 0
    }
#endif
