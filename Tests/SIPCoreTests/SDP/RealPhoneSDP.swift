/// SDP bodies as real phones and test tools send them, CRLF-terminated as on the wire.
enum RealPhoneSDP {
    /// Joins lines with CRLF, as SIP bodies carry them.
    static func crlf(_ lines: [String]) -> String {
        lines.map { $0 + "\r\n" }.joined()
    }

    /// An INVITE offer from baresip: Opus stereo first, G.722, G.711, 8 kHz telephone-event.
    static let baresipOffer = crlf([
        "v=0",
        "o=- 1893493484 3489503453 IN IP4 192.168.1.31",
        "s=-",
        "c=IN IP4 192.168.1.31",
        "t=0 0",
        "a=tool:baresip 3.10.1",
        "m=audio 10374 RTP/AVP 96 9 0 8 101",
        "b=AS:96",
        "a=rtpmap:96 opus/48000/2",
        "a=fmtp:96 stereo=1;sprop-stereo=1",
        "a=rtpmap:9 G722/8000",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:8 PCMA/8000",
        "a=rtpmap:101 telephone-event/8000",
        "a=fmtp:101 0-15",
        "a=sendrecv",
        "a=label:1",
        "a=ssrc:1176306358 cname:ed9bc0e4-7dc1-4c2b-a35f-c34bc8ae8f3b",
        "a=rtcp-rsize",
        "a=rtcp-mux",
        "a=ptime:20",
    ])

    /// SIPp's built-in `uac_pcap` scenario offer: PCMA and telephone-event only.
    static let sippUACPcapOffer = crlf([
        "v=0",
        "o=user1 53655765 2353687637 IN IP4 127.0.0.1",
        "s=-",
        "c=IN IP4 127.0.0.1",
        "t=0 0",
        "m=audio 6000 RTP/AVP 8 101",
        "a=rtpmap:8 PCMA/8000",
        "a=rtpmap:101 telephone-event/8000",
        "a=fmtp:101 0-11,16",
    ])

    /// A Linphone offer: Opus, Speex, G.711, G.729 (no rtpmap, static) and three
    /// telephone-event clock rates.
    static let linphoneOffer = crlf([
        "v=0",
        "o=alice 1965 2716 IN IP4 192.168.1.20",
        "s=Talk",
        "c=IN IP4 192.168.1.20",
        "t=0 0",
        "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics",
        "a=record:off",
        "m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100",
        "a=rtpmap:96 opus/48000/2",
        "a=fmtp:96 useinbandfec=1",
        "a=rtpmap:97 speex/16000",
        "a=fmtp:97 vbr=on",
        "a=rtpmap:98 speex/8000",
        "a=fmtp:98 vbr=on",
        "a=fmtp:18 annexb=yes",
        "a=rtpmap:101 telephone-event/48000",
        "a=rtpmap:99 telephone-event/16000",
        "a=rtpmap:100 telephone-event/8000",
        "a=rtcp-fb:* trr-int 1000",
        "a=rtcp-fb:* ccm tmmbr",
    ])

    /// A Polycom-style re-INVITE putting the call on hold with `a=sendonly` (RFC 3264 §8.4).
    static let polycomHoldReoffer = crlf([
        "v=0",
        "o=- 1234567890 1234567891 IN IP4 10.1.1.50",
        "s=Polycom IP Phone",
        "c=IN IP4 10.1.1.50",
        "t=0 0",
        "m=audio 2222 RTP/AVP 9 0 8 18 127",
        "a=rtpmap:9 G722/8000",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:8 PCMA/8000",
        "a=rtpmap:18 G729/8000",
        "a=fmtp:18 annexb=no",
        "a=rtpmap:127 telephone-event/8000",
        "a=sendonly",
    ])

    /// An old RFC 2543-style hold: the connection address is 0.0.0.0 while the stream still
    /// says sendrecv.
    static let rfc2543HoldReoffer = crlf([
        "v=0",
        "o=Cisco-SIPUA 9542 9544 IN IP4 192.168.1.30",
        "s=SIP Call",
        "c=IN IP4 0.0.0.0",
        "t=0 0",
        "m=audio 16384 RTP/AVP 0 8 101",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:8 PCMA/8000",
        "a=rtpmap:101 telephone-event/8000",
        "a=fmtp:101 0-15",
        "a=sendrecv",
    ])

    /// A video phone's offer: one audio and one video stream, the video to be rejected.
    static let audioVideoOffer = crlf([
        "v=0",
        "o=bob 3724394400 3724394405 IN IP4 198.51.100.7",
        "s=Talk",
        "c=IN IP4 198.51.100.7",
        "t=0 0",
        "m=audio 7078 RTP/AVP 0 8 101",
        "a=rtpmap:101 telephone-event/8000",
        "m=video 9078 RTP/AVP 96 97",
        "a=rtpmap:96 VP8/90000",
        "a=rtpmap:97 H264/90000",
        "a=fmtp:97 profile-level-id=42801F",
    ])

    /// A trunk offering only G.729 and GSM, codecs Parley does not have.
    static let noCommonCodecOffer = crlf([
        "v=0",
        "o=- 20518 0 IN IP4 203.0.113.9",
        "s=SDP data",
        "c=IN IP4 203.0.113.9",
        "t=0 0",
        "m=audio 11796 RTP/AVP 18 3 101",
        "a=rtpmap:18 G729/8000",
        "a=fmtp:18 annexb=no",
        "a=rtpmap:3 GSM/8000",
        "a=rtpmap:101 telephone-event/8000",
        "a=fmtp:101 0-15",
        "a=ptime:20",
        "a=sendrecv",
    ])

    /// An IPv6 offer with PCMU only, 30 ms packets.
    static let ipv6Offer = crlf([
        "v=0",
        "o=- 3869 3869 IN IP6 2001:db8::20",
        "s=-",
        "c=IN IP6 2001:db8::20",
        "t=0 0",
        "m=audio 40000 RTP/AVP 0 101",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:101 telephone-event/8000",
        "a=fmtp:101 0-16",
        "a=ptime:30",
    ])
}
