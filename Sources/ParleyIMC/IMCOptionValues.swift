/// `parley-imc`'s settings as one source gives them (the command line or a config file), not yet
/// checked; `nil` where that source says nothing, so that sources can be layered.
struct IMCOptionValues: Sendable, Equatable {
    var listen: [String]?
    var domain: String?
    var db: String?
    var outboundProxy: String?
    var cmdChar: String?
    var createOnJoin: Int?
    var checkOnCreate: Int?
    var extraHeaders: String?
    var managerUser: String?
    var roomPattern: String?
    var rpc: String?
    var logLevel: String?

    /// These values where set, `fallback`'s elsewhere: the command line overrides the config file
    /// setting by setting (a `--listen` replaces the file's whole `listen` list).
    func overriding(_ fallback: IMCOptionValues) -> IMCOptionValues {
        IMCOptionValues(
            listen: listen ?? fallback.listen, domain: domain ?? fallback.domain, db: db ?? fallback.db,
            outboundProxy: outboundProxy ?? fallback.outboundProxy, cmdChar: cmdChar ?? fallback.cmdChar,
            createOnJoin: createOnJoin ?? fallback.createOnJoin, checkOnCreate: checkOnCreate ?? fallback.checkOnCreate,
            extraHeaders: extraHeaders ?? fallback.extraHeaders, managerUser: managerUser ?? fallback.managerUser,
            roomPattern: roomPattern ?? fallback.roomPattern, rpc: rpc ?? fallback.rpc, logLevel: logLevel ?? fallback.logLevel)
    }
}
