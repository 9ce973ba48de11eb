/*
 * bcryptprimitives.dll for Wine 8, exporting only ProcessPrng.
 *
 * Go 1.22 and later get their random numbers from ProcessPrng in
 * bcryptprimitives.dll, which Wine 8 does not ship: a Go program there dies
 * at start-up with "bcryptprimitives.dll not found". The actwiz Wine tests
 * (internal/winetest) build this file with MinGW and put the DLL into the
 * test prefix's system32. It is test scaffolding, never shipped.
 *
 * ProcessPrng is documented to always return TRUE; RtlGenRandom (advapi32's
 * SystemFunction036, which Wine implements) does the work. It takes a ULONG
 * length, so larger requests are served in pieces.
 */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
