#ifndef CZEROMQ_SHIM_H
#define CZEROMQ_SHIM_H
#include <zmq.h>
#include <errno.h>

/// errno as seen by the calling thread, for Swift callers of libzmq.
static inline int czmq_errno(void) { return zmq_errno(); }
#endif
