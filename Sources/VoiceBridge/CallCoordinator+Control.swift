import ConferenceModel
import Foundation
import MediaMixer
import SIPCore

/// What the control API asks of the calls (``ConferenceCallControl``): dial-outs, kicks, mutes.
extension CallCoordinator {
    func placeCall(_ request: DialOutRequest) async throws {
        guard let port = ports.take() else {
            throw VoiceBridgeError(description: "no free RTP port in \(configuration.rtpPorts)")
        }
        do {
            let sessionID = UInt64.random(in: 1...UInt64(Int64.max))
            let offer = negotiator.makeOffer(
                local: MediaAddress(host: configuration.mediaHost, port: UInt16(port)), sessionID: sessionID, sessionVersion: 1)
            let to = try SIPNameAddress(parsing: "<\(request.calleeURI)>")
            let from = try SIPNameAddress(parsing: "<\(request.fromURI)>")
            let credentials = request.authUser.isEmpty ? nil : DigestClient(username: request.authUser, password: request.authPassword)
            let headers = request.extraHeaders.compactMap(Self.headerField)
            let handle = try await manager.invite(to: to, from: from, sdp: offer, credentials: credentials, headers: headers)
            var call = ActiveCall(
                handle: handle,
                machine: .dialOut(
                    callTag: request.callTag, number: request.calleeURI, room: request.room, dialIn: configuration.dialIn,
                    prompter: configuration.prompter))
            call.offer = offer
            call.sdpSessionID = sessionID
            call.localPort = port
            register(call)
            await handleEventsBeforeRegistration(of: handle.id)
        } catch {
            ports.release(port)
            throw error
        }
    }

    func hangUp(callTag: String) async {
        guard let id = callsByTag[callTag] else { return }
        await deliver(.kick, to: id)
    }

    func setMuted(_ muted: Bool, callTag: String) async {
        guard let id = callsByTag[callTag] else { return }
        await deliver(.setMuted(muted), to: id)
    }

    /// `Name: value`, as SEMS's `headers` argument gives each extra header of a dial-out.
    static func headerField(_ line: String) -> SIPHeaderField? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        return SIPHeaderField(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
