#ifndef PARLEY_CORTP_SHIM_H
#define PARLEY_CORTP_SHIM_H

#include <string.h>
#include <ortp/ortp.h>

/* av_profile is a mutable C global, which Swift 6 rejects: hand out its address instead. */
static inline RtpProfile *parley_ortp_av_profile(void) {
    return &av_profile;
}

/* Logging levels are bctoolbox macros over a variadic-free call; oRTP logs under the "ortp" domain.
   Errors stay visible, warnings and messages (e.g. one per packet on a dynamic payload type) do not. */
static inline void parley_ortp_log_errors_only(void) {
    bctbx_set_log_level_mask("ortp", ORTP_ERROR | ORTP_FATAL);
}

/* A profile holding one audio payload type, so that oRTP's jitter control converts milliseconds to
   timestamp units with the stream's real clock rate (dynamic types such as Opus are not in av_profile).
   rtp_profile_destroy frees the payload type and its mime_type, both allocated here. */
static inline RtpProfile *parley_ortp_profile_new(int payload_type, int clock_rate, int channels, const char *encoding_name) {
    RtpProfile *profile = rtp_profile_new("Parley");
    if (profile == NULL) return NULL;
    PayloadType *type = payload_type_new();
    if (type == NULL) {
        rtp_profile_destroy(profile);
        return NULL;
    }
    type->type = PAYLOAD_AUDIO_PACKETIZED;
    type->clock_rate = clock_rate;
    type->channels = channels;
    type->mime_type = strdup(encoding_name);
    rtp_profile_set_payload(profile, payload_type, type);
    return profile;
}

/* rtp_set_markbit and the header accessors are macros over a bit-field struct. */
static inline mblk_t *parley_ortp_packet_new(RtpSession *session, const uint8_t *payload, size_t size, int marker) {
    mblk_t *packet = rtp_session_create_packet(session, RTP_FIXED_HEADER_SIZE, payload, size);
    if (packet != NULL) rtp_set_markbit(packet, marker ? 1 : 0);
    return packet;
}

static inline int parley_ortp_packet_marker(const mblk_t *packet) {
    return rtp_get_markbit(packet);
}

static inline int parley_ortp_packet_payload_type(const mblk_t *packet) {
    return rtp_get_payload_type(packet);
}

static inline uint32_t parley_ortp_packet_timestamp(const mblk_t *packet) {
    return rtp_get_timestamp(packet);
}

/* Whether packets are still waiting in the session's receive queue (a macro over a private field). */
static inline int parley_ortp_has_queued_packets(RtpSession *session) {
    return !qempty(&session->rtp.rq);
}

/* Counters kept in the session's rtp_stats_t (a field of the otherwise opaque session). */
static inline uint64_t parley_ortp_packets_received(RtpSession *session) {
    return session->stats.packet_recv;
}

static inline uint64_t parley_ortp_packets_sent(RtpSession *session) {
    return session->stats.packet_sent;
}

#endif
