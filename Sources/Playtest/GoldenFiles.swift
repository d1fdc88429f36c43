import Foundation

/// Finds golden transcript files.
public enum GoldenFiles {
    /// The folder of a content root that holds its golden transcripts.
    public static let folderName = "Transcripts"

    /// The transcript files among `paths`: a file is taken as given (whatever its extension); a folder
    /// gives every `*.call` file in it and in its subfolders, sorted by path. A path that does not exist
    /// is a problem reported at line 1 of that path.
    public static func find(_ paths: [URL]) -> (files: [URL], problems: [GoldenProblem]) {
        var files: [URL] = []
        var problems: [GoldenProblem] = []
        let fm = FileManager.default
        for url in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                problems.append(GoldenProblem(file: url.path, line: 1, kind: .error, message: "there is no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(url)
                continue
            }
            guard let walker = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                             options: [.skipsHiddenFiles]) else {
                problems.append(GoldenProblem(file: url.path, line: 1, kind: .error, message: "the folder cannot be read"))
                continue
            }
            var found: [URL] = []
            for case let file as URL in walker where file.pathExtension.lowercased() == GoldenTranscript.fileExtension {
                found.append(file)
            }
            files += found.sorted { $0.path < $1.path }
        }
        return (files, problems)
    }
}
