#ifndef PARLEY_CORTP_SHIM_H
#define PARLEY_CORTP_SHIM_H

#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
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
static inline int parley_ortp_profile_set_audio(RtpProfile *profile, int payload_type, int clock_rate, int channels, const char *encoding_name) {
    PayloadType *type = payload_type_new();
    if (type == NULL) return -1;
    type->type = PAYLOAD_AUDIO_PACKETIZED;
    type->clock_rate = clock_rate;
    type->channels = channels;
    type->mime_type = strdup(encoding_name);
    /* rtp_profile_set_payload does not free what it replaces: a re-negotiated payload type would leak. */
    PayloadType *previous = rtp_profile_get_payload(profile, payload_type);
    if (previous != NULL) payload_type_destroy(previous);
    rtp_profile_set_payload(profile, payload_type, type);
    return 0;
}

static inline RtpProfile *parley_ortp_profile_new(int payload_type, int clock_rate, int channels, const char *encoding_name) {
    RtpProfile *profile = rtp_profile_new("Parley");
    if (profile == NULL) return NULL;
    if (parley_ortp_profile_set_audio(profile, payload_type, clock_rate, channels, encoding_name) != 0) {
        rtp_profile_destroy(profile);
        return NULL;
    }
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

static inline uint16_t parley_ortp_packet_sequence(const mblk_t *packet) {
    return rtp_get_seqnumber(packet);
}

static inline uint32_t parley_ortp_packet_ssrc(const mblk_t *packet) {
    return rtp_get_ssrc(packet);
}

/* Whether packets are still waiting in the session's receive queue (a macro over a private field). */
static inline int parley_ortp_has_queued_packets(RtpSession *session) {
    return !qempty(&session->rtp.rq);
}

/* Counters kept in the session's rtp_stats_t (a field of the otherwise opaque session). */
static inline uint64_t parley_ortp_packets_received(RtpSession *session) {
    return session->stats.packet_recv;
}

/* Packets oRTP dropped as older than the last one it handed out. */
static inline uint64_t parley_ortp_packets_too_old(RtpSession *session) {
    return session->stats.outoftime;
}

static inline uint64_t parley_ortp_packets_sent(RtpSession *session) {
    return session->stats.packet_sent;
}

/* Readiness of sessions' sockets: Swift's Glibc module does not export sys/epoll.h. */
static inline int parley_poll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

static inline int parley_poll_watch(int poll_fd, int socket_fd, uint64_t token) {
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = EPOLLIN;
    event.data.u64 = token;
    return epoll_ctl(poll_fd, EPOLL_CTL_ADD, socket_fd, &event);
}

static inline int parley_poll_forget(int poll_fd, int socket_fd) {
    return epoll_ctl(poll_fd, EPOLL_CTL_DEL, socket_fd, NULL);
}

/* Fills tokens with up to capacity ready sockets' tokens without waiting; returns how many. */
static inline int parley_poll_ready(int poll_fd, uint64_t *tokens, struct epoll_event *events, int capacity) {
    int count = epoll_wait(poll_fd, events, capacity, 0);
    for (int index = 0; index < count; index++) tokens[index] = events[index].data.u64;
    return count < 0 ? 0 : count;
}

static inline struct epoll_event *parley_poll_events_new(int capacity) {
    return (struct epoll_event *)calloc((size_t)capacity, sizeof(struct epoll_event));
}

static inline void parley_poll_close(int poll_fd, struct epoll_event *events) {
    if (poll_fd >= 0) close(poll_fd);
    free(events);
}

#endif
