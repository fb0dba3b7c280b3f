import Hummingbird
import NIOCore

/// The HTTP side of ``JSONRPCServer``: `POST <path>` with a JSON body, nothing else.
///
/// The request's Content-Type is not checked, as Kamailio's jsonrpcs does not check it either:
/// `curl -d` sends `application/x-www-form-urlencoded` and must still work.
struct JSONRPCResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let dispatcher: JSONRPCDispatcher
    let configuration: JSONRPCServerConfiguration

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.uri.path == configuration.path else {
            return Response(status: .notFound)
        }
        guard request.method == .post else {
            // RFC 9110 §15.5.6: a 405 lists the allowed methods.
            return Response(status: .methodNotAllowed, headers: [.allow: "POST"])
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: configuration.maximumBodySize)
        } catch is NIOTooManyBytesError {
            return Response(status: .contentTooLarge)
        }
        let reply = await dispatcher.reply(to: Array(body.readableBytesView))
        guard let bytes = reply.body else {
            return Response(status: .noContent)
        }
        return Response(
            status: status(for: reply.error),
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    private func status(for error: JSONRPCError?) -> HTTPResponse.Status {
        guard let error, configuration.errorStatus == .kamailio else { return .ok }
        // jsonrpcs_mod.c jsonrpc_fault: codes up to 100 become 500, others are used as they are.
        let code = (101...599).contains(error.code.rawValue) ? error.code.rawValue : 500
        return HTTPResponse.Status(code: code)
    }
}
