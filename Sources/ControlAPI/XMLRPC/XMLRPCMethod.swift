/// A method an ``XMLRPCServer`` can run: it gets the call's parameters and returns the response
/// value, or throws an ``XMLRPCFault`` that becomes the `<fault>`.
///
/// Requests on different connections run concurrently; methods must not rely on running alone.
public typealias XMLRPCMethod = @Sendable ([XMLRPCValue]) async throws(XMLRPCFault) -> XMLRPCValue
