import Epistolary
import Foundation

// Usage: LetterFigures LETTERS.csv OUTPUT-FOLDER
// Reads a user's CSV of letters, then writes the correspondents network, the volume timeline
// and a GEXF file for Gephi into the output folder.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let input = arguments.first, let output = arguments.last else {
    FileHandle.standardError.write(Data("usage: LetterFigures LETTERS.csv OUTPUT-FOLDER\n".utf8))
    exit(2)
}
do {
    let folder = URL(fileURLWithPath: output)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let corpus = try LetterCorpus.read(path: input)
    let analysis = try LetterCorpus.analyse(corpus)
    try Figure.graph(.correspondents, of: analysis).write(to: folder.appendingPathComponent("network.svg"))
    try Figure.timeline(.volume, of: analysis).write(to: folder.appendingPathComponent("volume.pdf"))
    try GraphExport.write(.gexf, of: analysis, to: folder.appendingPathComponent("letters.gexf"))
    print("\(corpus.messages.count) letters -> \(folder.path)")
} catch {
    FileHandle.standardError.write(Data("LetterFigures: \(error)\n".utf8))
    exit(1)
}
