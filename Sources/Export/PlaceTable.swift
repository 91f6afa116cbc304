import Correspondence
import Foundation

/// Places a user describes for the exports (`export --places FILE`): a name as the letters
/// write it, its GeoNames URI, and its coordinates. Palladio's map needs coordinates, and
/// correspSearch aggregates places by GeoNames.
///
/// The file is RFC 4180 CSV whose first row names the columns, in any order,
/// case-insensitively: `name` (required), `geonames` (a `https://www.geonames.org/ID` or
/// `http://sws.geonames.org/ID/` URI, kept byte for byte), `latitude`, `longitude` (decimal
/// degrees; both or neither). Errors name the file and line.
public struct PlaceTable: Sendable, Hashable {
    public struct Place: Sendable, Hashable {
        public var name: String
        public var geonames: String?
        public var latitude: Double?
        public var longitude: Double?

        public init(name: String, geonames: String? = nil, latitude: Double? = nil, longitude: Double? = nil) {
            self.name = name
            self.geonames = geonames
            self.latitude = latitude
            self.longitude = longitude
        }

        /// "lat,lon" as Palladio's map reads a coordinates column, or nil.
        public var coordinates: String? {
            guard let latitude, let longitude else { return nil }
            return "\(latitude),\(longitude)"
        }
    }

    /// Places by name (names compared as written, after trimming spaces).
    public var places: [String: Place]

    public init(places: [Place] = []) {
        self.places = Dictionary(places.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public subscript(name: String?) -> Place? {
        guard let name else { return nil }
        return places[name.trimmingCharacters(in: .whitespaces)]
    }

    /// Reads a places file: a regular file or a stream (a pipe such as `<(...)`), noted as an
    /// input of the run so that no output replaces it.
    public static func load(path: String) throws -> PlaceTable {
        InputFiles.note(path)
        guard let handle = FileHandle(forReadingAtPath: path),
              let data = (try? handle.readToEnd()).map({ $0 ?? Data() }) else {
            throw EpistolaryError(.badUsage, file: path, "cannot read the places file")
        }
        try? handle.close()
        guard let text = String(data: data, encoding: .utf8) else {
            throw EpistolaryError(.badData, file: path, "the places file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses the text of a places file.
    public static func parse(_ text: String, file: String) throws -> PlaceTable {
        let rows = try CSVReader.parse(text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text, file: file)
        guard let header = rows.first else { throw EpistolaryError(.badData, file: file, "the places file is empty") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let nameColumn = names.firstIndex(of: "name") else {
            throw EpistolaryError(.badData, file: file, line: header.line, "missing column \"name\" (columns: name, geonames, latitude, longitude)")
        }
        let known = ["name", "geonames", "latitude", "longitude"]
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw EpistolaryError(.badData, file: file, line: header.line, "unknown column \"\(unknown)\"; expected \(known.joined(separator: ", "))")
        }
        var places: [Place] = []
        var seen = Set<String>()
        for row in rows.dropFirst() where !(row.fields.count == 1 && row.fields[0].isEmpty) {
            guard row.fields.count == names.count else {
                throw EpistolaryError(.badData, file: file, line: row.line, "expected \(names.count) fields, found \(row.fields.count)")
            }
            func value(_ column: String) -> String? {
                guard let index = names.firstIndex(of: column) else { return nil }
                let text = row.fields[index].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            let name = row.fields[nameColumn].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw EpistolaryError(.badData, file: file, line: row.line, "a place without a name") }
            guard seen.insert(name).inserted else {
                throw EpistolaryError(.badData, file: file, line: row.line, "place \"\(name)\" is listed twice")
            }
            if let uri = value("geonames"), !Self.isGeoNames(uri) {
                throw EpistolaryError(.badData, file: file, line: row.line, "\"\(uri)\" is not a GeoNames URI (https://www.geonames.org/ID or http://sws.geonames.org/ID/)")
            }
            func degrees(_ column: String, limit: Double) throws -> Double? {
                guard let text = value(column) else { return nil }
                guard let number = Double(text), abs(number) <= limit else {
                    throw EpistolaryError(.badData, file: file, line: row.line, "\(column) \"\(text)\" is not decimal degrees within ±\(Int(limit))")
                }
                return number
            }
            let latitude = try degrees("latitude", limit: 90)
            let longitude = try degrees("longitude", limit: 180)
            if (latitude == nil) != (longitude == nil) {
                throw EpistolaryError(.badData, file: file, line: row.line, "give both latitude and longitude, or neither")
            }
            places.append(Place(name: name, geonames: value("geonames"), latitude: latitude, longitude: longitude))
        }
        return PlaceTable(places: places)
    }

    /// True for a GeoNames URI: http(s), host geonames.org or a subdomain, and a numeric id.
    public static func isGeoNames(_ uri: String) -> Bool {
        guard let url = URL(string: uri), let scheme = url.scheme, scheme == "http" || scheme == "https",
              let host = url.host, host == "geonames.org" || host.hasSuffix(".geonames.org") else { return false }
        return url.pathComponents.contains { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
