#ifndef PARLEY_COSIP2_SHIM_H
#define PARLEY_COSIP2_SHIM_H

/* osip headers use struct timeval and time_t without including their headers. */
#include <time.h>
#include <sys/time.h>
#include <osipparser2/osip_parser.h>

/* osip_free is a macro; Swift needs a function. */
static inline void parley_osip_free(void *pointer) {
    osip_free(pointer);
}

#endif
