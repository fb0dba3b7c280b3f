/// RFC 3264 offer/answer for one audio stream.
///
/// Sans-I/O and stateless: the session layer keeps the offer it sent, the origin's session id
/// and version (incremented for each changed description, RFC 3264 §8), and calls these
/// functions as offers and answers arrive.
public struct SDPOfferAnswer: Sendable, Hashable {
    /// The local codecs and preferences.
    public var capabilities: AudioCapabilities

    /// The encoding name of RFC 4733 DTMF events.
    private static let telephoneEventName = "telephone-event"
    /// The events Parley receives: DTMF 0–9, *, #, A–D and flash (RFC 4733 §3.2, §7.1.1).
    private static let telephoneEventRange = "0-16"
    /// The only transport Parley answers: plain RTP (RFC 3551). SRTP and AVPF offers are
    /// rejected per stream.
    private static let transport = "RTP/AVP"
    /// First number of the dynamic payload type range (RFC 3551 §6).
    private static let firstDynamicPayloadType: UInt8 = 96

    /// Creates a negotiator for `capabilities`.
    public init(capabilities: AudioCapabilities) {
        self.capabilities = capabilities
    }

    /// Builds an offer of one audio stream at `local` (RFC 3264 §5).
    ///
    /// Codecs are listed in ``AudioCapabilities/codecs`` order, static ones under their
    /// RFC 3551 numbers, the others from 96 up; with DTMF enabled, one telephone-event per
    /// distinct codec clock rate follows, so each codec has events at its own rate
    /// (RFC 4733 §2.1). Pass `direction: .sendonly` to put the peer on hold (RFC 3264 §8.4).
    public func makeOffer(
        local: MediaAddress,
        sessionID: UInt64,
        sessionVersion: UInt64,
        direction: MediaDirection = .sendrecv
    ) -> SessionDescription {
        var nextDynamic = Self.firstDynamicPayloadType
        var formats: [String] = []
        var attributes: [SDPAttribute] = []
        for codec in capabilities.codecs {
            let payloadType: UInt8
            if let staticType = codec.staticPayloadType {
                payloadType = staticType
            } else {
                payloadType = nextDynamic
                nextDynamic += 1
            }
            formats.append(String(payloadType))
            attributes.append(SDPAttribute(name: "rtpmap", value: codec.rtpMap(payloadType: payloadType).attributeValue))
        }
        if capabilities.telephoneEvent {
            var rates: [Int] = []
            for codec in capabilities.codecs where !rates.contains(codec.rtpClockRate) {
                rates.append(codec.rtpClockRate)
            }
            for rate in rates {
                let payloadType = nextDynamic
                nextDynamic += 1
                formats.append(String(payloadType))
                attributes += Self.telephoneEventAttributes(payloadType: payloadType, clockRate: rate)
            }
        }
        attributes.append(SDPAttribute(name: "ptime", value: String(capabilities.ptime)))
        attributes.append(SDPAttribute(name: direction.rawValue))
        let stream = MediaDescription(
            mediaType: "audio",
            port: local.port,
            transport: Self.transport,
            formats: formats,
            attributes: attributes
        )
        return Self.sessionDescription(local: local, sessionID: sessionID, sessionVersion: sessionVersion, media: [stream])
    }

    /// Answers `offer` (RFC 3264 §6): accepts the first usable audio stream with one codec and
    /// rejects every other stream with port 0, keeping the offer's `m=` order.
    ///
    /// The codec is the first of the offer's that we support, or the first of ours that the
    /// offer lists when ``AudioCapabilities/codecOrder`` is `.local`. The offerer's payload
    /// type numbers are kept (RFC 3264 §6.1). Telephone-event is taken at the codec's clock
    /// rate when offered, else at the first rate offered. The direction follows RFC 3264 §6.1
    /// (`sendonly` → `recvonly`, `inactive` → `inactive`); a `c=0.0.0.0` stream is treated as
    /// unable to receive (RFC 3264 §8.4). Our `a=ptime` echoes the offer's.
    ///
    /// - Throws: ``SDPNegotiationError`` with a ``SDPNegotiationError/sipStatusCode`` of 488
    ///   when no stream can be accepted.
    public func makeAnswer(
        to offer: SessionDescription,
        local: MediaAddress,
        sessionID: UInt64,
        sessionVersion: UInt64
    ) throws(SDPNegotiationError) -> SDPAnswer {
        var negotiated: NegotiatedAudio?
        var sawCandidateStream = false
        var answeredMedia: [MediaDescription] = []
        for offered in offer.media {
            if negotiated == nil, offered.mediaType == "audio", offered.port != 0, offered.transport == Self.transport {
                sawCandidateStream = true
                if case let (audio, stream)? = answerStream(offered, in: offer, local: local) {
                    negotiated = audio
                    answeredMedia.append(stream)
                    continue
                }
            }
            // RFC 3264 §6: a rejected stream keeps its place with port 0 and at least one format.
            answeredMedia.append(MediaDescription(
                mediaType: offered.mediaType,
                port: 0,
                transport: offered.transport,
                formats: offered.formats
            ))
        }
        guard let negotiated else {
            if sawCandidateStream {
                throw SDPNegotiationError(code: .noCommonCodec, reason: "no offered audio codec is supported")
            }
            throw SDPNegotiationError(code: .noAcceptableStream, reason: "no RTP/AVP audio stream offered")
        }
        let answer = Self.sessionDescription(
            local: local,
            sessionID: sessionID,
            sessionVersion: sessionVersion,
            media: answeredMedia
        )
        return SDPAnswer(description: answer, audio: negotiated)
    }

    /// Reads the answer to an offer we made with ``makeOffer(local:sessionID:sessionVersion:direction:)``
    /// (RFC 3264 §7): the first codec of the answer that we offered, at the answer's payload
    /// type number, and telephone-event if both sides listed it.
    ///
    /// - Throws: ``SDPNegotiationError`` if the `m=` lines do not pair up, our audio stream was
    ///   rejected, or the answer lists no codec we offered.
    public func acceptAnswer(
        _ answer: SessionDescription,
        toOffer offer: SessionDescription
    ) throws(SDPNegotiationError) -> NegotiatedAudio {
        guard answer.media.count == offer.media.count else {
            throw SDPNegotiationError(
                code: .mediaCountMismatch,
                reason: "answer has \(answer.media.count) m= lines, offer had \(offer.media.count)"
            )
        }
        guard let index = offer.media.firstIndex(where: { $0.mediaType == "audio" && $0.port != 0 }),
              answer.media[index].port != 0
        else { throw SDPNegotiationError(code: .streamRejected, reason: "audio stream rejected") }
        let ours = offer.media[index]
        let theirs = answer.media[index]
        let offeredCodecs = Set(ours.payloadTypes.compactMap { ours.rtpMap(forPayloadType: $0).flatMap(AudioCodec.init(rtpMap:)) })
        let chosen = theirs.payloadTypes.lazy.compactMap { payloadType -> (UInt8, AudioCodec)? in
            guard let codec = theirs.rtpMap(forPayloadType: payloadType).flatMap(AudioCodec.init(rtpMap:)),
                  offeredCodecs.contains(codec)
            else { return nil }
            return (payloadType, codec)
        }.first
        guard case let (payloadType, codec)? = chosen else {
            throw SDPNegotiationError(code: .unofferedCodec, reason: "answer lists no codec from the offer")
        }
        let offeredEventRates = Set(Self.telephoneEvents(in: ours).map(\.clockRate))
        let events = Self.telephoneEvents(in: theirs).filter { offeredEventRates.contains($0.clockRate) }
        let connection = answer.connection(for: theirs)
        // Our offered direction bounds what the answer may grant (RFC 3264 §6.1).
        let remoteDirection = Self.effectiveDirection(of: theirs, in: answer)
        let direction = MediaDirection(
            sends: offer.direction(of: ours).sends && remoteDirection.receives,
            receives: offer.direction(of: ours).receives && remoteDirection.sends
        )
        return Self.negotiated(
            codec: codec,
            payloadType: payloadType,
            remoteStream: theirs,
            remoteHost: connection?.address ?? "",
            direction: direction,
            ptime: theirs.ptime ?? ours.ptime ?? capabilities.ptime,
            telephoneEvent: Self.preferredTelephoneEvent(events, clockRate: codec.rtpClockRate)
        )
    }

    /// Answers one offered audio stream, or returns `nil` if it shares no codec with us.
    private func answerStream(
        _ offered: MediaDescription,
        in offer: SessionDescription,
        local: MediaAddress
    ) -> (NegotiatedAudio, MediaDescription)? {
        let candidates = offered.payloadTypes.compactMap { payloadType -> (UInt8, AudioCodec)? in
            guard let codec = offered.rtpMap(forPayloadType: payloadType).flatMap(AudioCodec.init(rtpMap:)),
                  capabilities.codecs.contains(codec)
            else { return nil }
            return (payloadType, codec)
        }
        let chosen: (UInt8, AudioCodec)?
        switch capabilities.codecOrder {
        case .offerer:
            chosen = candidates.first
        case .local:
            chosen = capabilities.codecs.lazy.compactMap { codec in candidates.first { $0.1 == codec } }.first
        }
        guard case let (payloadType, codec)? = chosen else { return nil }

        let events = capabilities.telephoneEvent ? Self.telephoneEvents(in: offered) : []
        let telephoneEvent = Self.preferredTelephoneEvent(events, clockRate: codec.rtpClockRate)
        let direction = Self.effectiveDirection(of: offered, in: offer).answered()
        let ptime = offered.ptime ?? capabilities.ptime
        let audio = Self.negotiated(
            codec: codec,
            payloadType: payloadType,
            remoteStream: offered,
            remoteHost: offer.connection(for: offered)?.address ?? "",
            direction: direction,
            ptime: ptime,
            telephoneEvent: telephoneEvent
        )

        var formats = [String(payloadType)]
        var attributes = [SDPAttribute(name: "rtpmap", value: codec.rtpMap(payloadType: payloadType).attributeValue)]
        if let telephoneEvent {
            formats.append(String(telephoneEvent.payloadType))
            attributes += Self.telephoneEventAttributes(
                payloadType: telephoneEvent.payloadType,
                clockRate: telephoneEvent.clockRate
            )
        }
        attributes.append(SDPAttribute(name: "ptime", value: String(ptime)))
        attributes.append(SDPAttribute(name: direction.rawValue))
        let stream = MediaDescription(
            mediaType: "audio",
            port: local.port,
            transport: Self.transport,
            formats: formats,
            attributes: attributes
        )
        return (audio, stream)
    }

    /// The direction a stream's writer really takes: its attribute, except that a hold
    /// address means it receives nothing (RFC 3264 §8.4).
    private static func effectiveDirection(of stream: MediaDescription, in description: SessionDescription) -> MediaDirection {
        let written = description.direction(of: stream)
        let onHold = description.connection(for: stream)?.isHoldAddress ?? false
        return MediaDirection(sends: written.sends, receives: written.receives && !onHold)
    }

    /// The telephone-event formats a stream lists, in its order.
    private static func telephoneEvents(in stream: MediaDescription) -> [NegotiatedTelephoneEvent] {
        stream.payloadTypes.compactMap { payloadType in
            guard let map = stream.rtpMap(forPayloadType: payloadType),
                  map.encodingName.lowercased() == telephoneEventName
            else { return nil }
            return NegotiatedTelephoneEvent(payloadType: payloadType, clockRate: map.clockRate)
        }
    }

    /// The event format at the codec's clock rate (RFC 4733 §2.1), else the first one: phones
    /// such as baresip offer only 8000 Hz events alongside Opus and still expect DTMF.
    private static func preferredTelephoneEvent(
        _ events: [NegotiatedTelephoneEvent],
        clockRate: Int
    ) -> NegotiatedTelephoneEvent? {
        events.first { $0.clockRate == clockRate } ?? events.first
    }

    /// `a=rtpmap` and `a=fmtp` for a telephone-event format (RFC 4733 §7.1.1).
    private static func telephoneEventAttributes(payloadType: UInt8, clockRate: Int) -> [SDPAttribute] {
        let map = RTPMap(payloadType: payloadType, encodingName: telephoneEventName, clockRate: clockRate)
        return [
            SDPAttribute(name: "rtpmap", value: map.attributeValue),
            SDPAttribute(name: "fmtp", value: "\(payloadType) \(telephoneEventRange)"),
        ]
    }

    /// The negotiated stream, with the peer's `a=fmtp` for the chosen payload type.
    private static func negotiated(
        codec: AudioCodec,
        payloadType: UInt8,
        remoteStream: MediaDescription,
        remoteHost: String,
        direction: MediaDirection,
        ptime: Int,
        telephoneEvent: NegotiatedTelephoneEvent?
    ) -> NegotiatedAudio {
        let parameters = remoteStream.formatParameters(forPayloadType: payloadType)
        return NegotiatedAudio(
            codec: codec,
            payloadType: payloadType,
            rtpClockRate: codec.rtpClockRate,
            sampleRate: codec.sampleRate,
            channels: codec == .opus && Self.asksForStereo(parameters) ? 2 : 1,
            ptime: ptime,
            remote: MediaAddress(host: remoteHost, port: remoteStream.port),
            direction: direction,
            telephoneEvent: telephoneEvent,
            formatParameters: parameters
        )
    }

    /// Whether Opus `a=fmtp` parameters carry `stereo=1`: the receiver prefers stereo
    /// (RFC 7587 §6.1); without it, Opus is sent mono.
    private static func asksForStereo(_ parameters: String?) -> Bool {
        guard let parameters else { return false }
        return parameters.split(separator: ";").contains { parameter in
            parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingLeadingSpaces() } == ["stereo", "1"]
        }
    }

    /// Our session around `media`: origin and connection at `local`, `s=-`, `t=0 0`
    /// (RFC 3264 §5: unicast offers and answers are permanent sessions).
    private static func sessionDescription(
        local: MediaAddress,
        sessionID: UInt64,
        sessionVersion: UInt64,
        media: [MediaDescription]
    ) -> SessionDescription {
        SessionDescription(
            origin: SDPOrigin(
                sessionID: sessionID,
                sessionVersion: sessionVersion,
                addressType: local.addressType,
                address: local.host
            ),
            sessionName: "-",
            connection: SDPConnection(addressType: local.addressType, address: local.host),
            media: media
        )
    }
}
