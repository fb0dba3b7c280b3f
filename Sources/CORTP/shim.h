#ifndef PARLEY_CORTP_SHIM_H
#define PARLEY_CORTP_SHIM_H

#include <ortp/ortp.h>

/* av_profile is a mutable C global, which Swift 6 rejects: hand out its address instead. */
static inline RtpProfile *parley_ortp_av_profile(void) {
    return &av_profile;
}

#endif
