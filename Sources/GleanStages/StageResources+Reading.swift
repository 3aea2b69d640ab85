import GleanCore

extension StageResources {
    /// The bytes of the file at `path`, read straight into the array (the language model is
    /// tens of megabytes: reading it into `Data` and copying that cost a copy and its pages);
    /// `nil` when it is no regular file or cannot be read whole (a file that shrank meanwhile).
    static func contents(ofFile path: String) -> [UInt8]? {
        guard path != "-", let source = try? FileByteSource(path: path), let size = source.totalBytes else { return nil }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let rest = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...]))
                guard let read = try? source.read(into: rest), read > 0 else {
                    complete = false
                    return
                }
                count += read
            }
        }
        return complete ? bytes : nil
    }
}
