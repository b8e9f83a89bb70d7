/* Start-up of the C benchmark kernels: a multiboot v1 header (ELF image, so no address
 * fields), a 64 KiB stack, SSE enabled (gcc -mfpmath=sse code uses xmm registers), then
 * bench_main(magic, multiboot info) from runtime.c, which never returns. */

        .set MB_MAGIC, 0x1BADB002
        .set MB_FLAGS, 0x00000002            /* bit 1: the loader must give mem_lower/mem_upper */

        .section .multiboot, "a"
        .align 4
        .long MB_MAGIC                       /* magic */
        .long MB_FLAGS                       /* flags */
        .long -(MB_MAGIC + MB_FLAGS)         /* checksum: the three fields sum to 0 */

        .section .bss
        .align 16
stack_bottom:
        .skip 65536
stack_top:

        .section .text
        .globl _start
        .type _start, @function
_start:
        /* EAX = 0x2BADB002, EBX = multiboot information; no stack yet. */
        mov $stack_top, %esp
        /* CR0: clear EM (bit 2), set MP (bit 1); CR4: set OSFXSR (bit 9) and
         * OSXMMEXCPT (bit 10) so SSE instructions do not fault. */
        mov %cr0, %ecx
        and $~0x4, %ecx
        or $0x2, %ecx
        mov %ecx, %cr0
        mov %cr4, %ecx
        or $0x600, %ecx
        mov %ecx, %cr4
        /* The i386 System V ABI wants %esp 16-byte aligned at each call (gcc relies on
         * it for SSE spills): 8 bytes of padding plus the two 4-byte arguments. */
        sub $8, %esp
        push %ebx
        push %eax
        call bench_main
1:      cli
        hlt
        jmp 1b
        .size _start, . - _start

        .section .note.GNU-stack, "", @progbits   /* no executable stack wanted */
