#ifndef TOKENGRID_CGLPK_SHIM_H
#define TOKENGRID_CGLPK_SHIM_H
#include <glpk.h>
#endif
