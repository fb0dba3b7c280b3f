#ifndef PARLEY_CSPANDSP_SHIM_H
#define PARLEY_CSPANDSP_SHIM_H

#include <stdint.h>
#include <tiffio.h>
#include <spandsp.h>

#endif
