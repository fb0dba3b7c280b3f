import Foundation
import NIOSSL
import PostgresNIO

/// A PostgreSQL server address written as a URL, `postgres://user[:password]@host[:port]/database`,
/// optionally with `?sslmode=disable|prefer|require` (libpq's names; `prefer` if absent).
public struct PostgresConnectionURL: Sendable, Hashable {
    /// How the connection uses TLS (libpq `sslmode`).
    public enum TLSMode: String, Sendable, Hashable {
        /// Plain TCP.
        case disable
        /// TLS if the server offers it, plain TCP otherwise.
        case prefer
        /// TLS or no connection.
        case require
    }

    /// Why a string is not a PostgreSQL URL.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The string that was given.
        public let url: String
        /// What is wrong with it.
        public let reason: String

        /// `not a PostgreSQL URL (<reason>): <url>`, with any password hidden.
        public var description: String { "not a PostgreSQL URL (\(reason)): \(url)" }
    }

    /// The server's host name or address.
    public var host: String
    /// The server's TCP port (5432 unless the URL names one).
    public var port: Int
    /// The user to log in as.
    public var username: String
    /// The password, if the URL has one.
    public var password: String?
    /// The database (the user's own if the URL names none).
    public var database: String?
    /// How the connection uses TLS.
    public var tlsMode: TLSMode

    /// Parses `postgres://` or `postgresql://` URLs; user name, password and database may be
    /// percent-encoded.
    public init(_ url: String) throws {
        func failure(_ reason: String) -> ParseError {
            // Never echo a password into logs.
            let shown = URLComponents(string: url).map { components -> String in
                var components = components
                if components.password != nil { components.password = "***" }
                return components.string ?? url
            } ?? url
            return ParseError(url: shown, reason: reason)
        }
        guard let components = URLComponents(string: url) else { throw failure("unreadable") }
        guard components.scheme == "postgres" || components.scheme == "postgresql" else {
            throw failure("scheme must be postgres or postgresql")
        }
        guard let host = components.host, !host.isEmpty else { throw failure("no host") }
        guard let username = components.user, !username.isEmpty else { throw failure("no user") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.contains("/") else { throw failure("path must be one database name") }
        var tlsMode = TLSMode.prefer
        if let value = components.queryItems?.first(where: { $0.name == "sslmode" })?.value {
            guard let mode = TLSMode(rawValue: value) else { throw failure("sslmode must be disable, prefer or require") }
            tlsMode = mode
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = username
        self.password = components.password
        self.database = database.isEmpty ? nil : database
        self.tlsMode = tlsMode
    }

    /// The configuration for a `PostgresClient` connecting to this server.
    public var configuration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch tlsMode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls
        )
    }
}
