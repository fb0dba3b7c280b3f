import Hummingbird
import NIOCore

/// The HTTP side of ``XMLRPCServer``, shaped after xmlrpc2di's XmlRpc++ server (spec §2.1): the
/// path and the HTTP method are ignored, a body needs `Content-Length` (`411` otherwise), and
/// faults go back with `200 OK` and `Content-Type: text/xml`.
struct XMLRPCResponder: HTTPResponder {
    typealias Context = XMLRPCRequestContext

    let dispatcher: XMLRPCDispatcher
    let configuration: XMLRPCServerConfiguration

    func respond(to request: Request, context: Context) async throws -> Response {
        if let allowed = configuration.allowedClients {
            guard let address = context.remoteAddress?.ipAddress, allowed.contains(address) else {
                return Response(status: .forbidden)
            }
        }
        if let credentials = configuration.credentials,
            !credentials.accepts(authorization: request.headers[.authorization])
        {
            // RFC 7235 §4.1: a 401 names the scheme it wants.
            return Response(status: .unauthorized, headers: [.wwwAuthenticate: #"Basic realm="parley", charset="UTF-8""#])
        }
        guard request.headers[.contentLength] != nil else {
            return Response(status: .lengthRequired)
        }
        let outcome: XMLRPCMethodResponse
        do {
            let body = try await request.body.collect(upTo: configuration.maximumBodySize)
            outcome = await dispatcher.response(to: Array(body.readableBytesView))
        } catch is NIOTooManyBytesError {
            outcome = .fault(.malformedRequest("the body is larger than \(configuration.maximumBodySize) bytes"))
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/xml"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: outcome.xml))
        )
    }
}
