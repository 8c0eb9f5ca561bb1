// The only C in dmmkit: the GSL headers Stochastics uses, plus accessors for
// GSL's global generator types. Swift 6 rejects reading those globals
// directly ("not concurrency-safe"); a static inline function is fine.
#ifndef DMMKIT_CGSL_SHIM_H
#define DMMKIT_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_expint.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_exp.h>
#include <gsl/gsl_sf_zeta.h>
#include <gsl/gsl_sf_result.h>

static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cgsl_rng_gfsr4(void) { return gsl_rng_gfsr4; }
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_ranlxd1(void) { return gsl_rng_ranlxd1; }
static inline const gsl_root_fsolver_type *cgsl_root_fsolver_brent(void) { return gsl_root_fsolver_brent; }

/// Uniform on the open interval (0,1) without the call through the type
/// table twice: callers in hot loops use this.
static inline double cgsl_rng_uniform_pos(const gsl_rng *r) { return gsl_rng_uniform_pos(r); }

#endif
