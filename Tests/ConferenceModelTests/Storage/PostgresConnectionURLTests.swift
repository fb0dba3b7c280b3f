import ConferenceModel
import Testing

@Suite struct PostgresConnectionURLTests {
    @Test func fullURL() throws {
        let url = try PostgresConnectionURL("postgresql://kam%40ilio:s%3Acret@db.example.org:6543/kamailio?sslmode=require")

        #expect(url.host == "db.example.org")
        #expect(url.port == 6543)
        #expect(url.username == "kam@ilio")
        #expect(url.password == "s:cret")
        #expect(url.database == "kamailio")
        #expect(url.tlsMode == .require)
    }

    @Test func defaults() throws {
        let url = try PostgresConnectionURL("postgres://parley@127.0.0.1")

        #expect(url.port == 5432)
        #expect(url.password == nil)
        #expect(url.database == nil)
        #expect(url.tlsMode == .prefer)
    }

    @Test(arguments: [
        "mysql://kamailio:kamailiorw@localhost/kamailio",
        "postgres://127.0.0.1:5432/kamailio",
        "postgres://parley@/kamailio",
        "postgres://parley@localhost/a/b",
        "postgres://parley@localhost/db?sslmode=verify-full",
    ])
    func refused(url: String) {
        #expect(throws: PostgresConnectionURL.ParseError.self) { try PostgresConnectionURL(url) }
    }

    @Test func passwordIsHiddenInErrors() {
        let error = #expect(throws: PostgresConnectionURL.ParseError.self) {
            try PostgresConnectionURL("mysql://kamailio:kamailiorw@localhost/kamailio")
        }
        #expect(error?.description.contains("kamailiorw") == false)
    }
}
