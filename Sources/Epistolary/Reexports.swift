// The types a user of the library names. Only these are re-exported: the modules behind them
// (readers, analysis stages, Graphviz and Cairo drawing) stay internal to the package, so
// they can change without breaking code that depends on `Epistolary`.
@_exported import struct Correspondence.Corpus
@_exported import struct Correspondence.Message
@_exported import struct Correspondence.Person
@_exported import struct Correspondence.HistoricalDate
@_exported import struct Correspondence.CorrespAction
@_exported import struct Correspondence.CorpusHeader
@_exported import struct Correspondence.ReadIssue
@_exported import enum Correspondence.DateParser
@_exported import struct Correspondence.Day
@_exported import struct Correspondence.EpistolaryError
@_exported import struct Analysis.CorpusAnalysis
@_exported import struct Analysis.FigureCaption
@_exported import enum GraphRender.GraphFigureKind
@_exported import enum TimelineRender.TimelineKind
@_exported import enum Export.ExportFormat
