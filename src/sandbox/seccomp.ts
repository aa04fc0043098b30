/**
 * A seccomp filter for the bwrap driver, built as a classic BPF program (what bwrap's --seccomp FD
 * expects: raw `struct sock_filter[]`, 8 bytes each, host byte order).
 *
 * Policy: deny-list on top of bwrap's namespaces. Refused with EPERM: syscalls that reach kernel
 * attack surface a server never needs (ptrace, mount, module loading, kexec, bpf, userfaultfd,
 * perf_event_open, keyrings, io_uring, new mount API, namespace juggling) and socket() for
 * AF_NETLINK and AF_PACKET. Any architecture other than x86_64 kills the process (so a 32-bit
 * int 0x80 entry cannot sidestep the numbers below), and the x32 ABI range is refused.
 */

export const AUDIT_ARCH_X86_64 = 0xc000003e;
const X32_SYSCALL_BIT = 0x40000000;

const BPF_LD_W_ABS = 0x20;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_RET_K = 0x06;

export const SECCOMP_RET_KILL_PROCESS = 0x80000000;
export const SECCOMP_RET_ERRNO = 0x00050000;
export const SECCOMP_RET_ALLOW = 0x7fff0000;
const EPERM = 1;

/** x86_64 syscall numbers refused outright. */
export const DENIED_SYSCALLS: Readonly<Record<string, number>> = Object.freeze({
  ptrace: 101,
  syslog: 103,
  acct: 163,
  mount: 165,
  umount2: 166,
  swapon: 167,
  swapoff: 168,
  reboot: 169,
  iopl: 172,
  ioperm: 173,
  init_module: 175,
  delete_module: 176,
  pivot_root: 155,
  lookup_dcookie: 212,
  kexec_load: 246,
  add_key: 248,
  request_key: 249,
  keyctl: 250,
  unshare: 272,
  perf_event_open: 298,
  name_to_handle_at: 303,
  open_by_handle_at: 304,
  setns: 308,
  process_vm_readv: 310,
  process_vm_writev: 311,
  kcmp: 312,
  finit_module: 313,
  kexec_file_load: 320,
  bpf: 321,
  userfaultfd: 323,
  io_uring_setup: 425,
  io_uring_enter: 426,
  io_uring_register: 427,
  open_tree: 428,
  move_mount: 429,
  fsopen: 430,
  fsconfig: 431,
  fsmount: 432,
  fspick: 433,
});

export const SYS_SOCKET = 41;
export const AF_NETLINK = 16;
export const AF_PACKET = 17;

/** Offsets into struct seccomp_data. */
const OFF_NR = 0;
const OFF_ARCH = 4;
const OFF_ARG0_LOW = 16;

export interface BpfInstruction {
  code: number;
  jt: number;
  jf: number;
  k: number;
}

const ins = (code: number, k: number, jt = 0, jf = 0): BpfInstruction => ({ code, jt, jf, k });

/** The filter as instructions (exported for tests that evaluate it). */
export function buildSeccompProgram(): BpfInstruction[] {
  const denied = Object.values(DENIED_SYSCALLS);
  const prog: BpfInstruction[] = [];
  // Index of the final "deny" instruction, computed from the fixed layout below.
  const socketCheckStart = 5 + denied.length;
  const deny = socketCheckStart + 6;
  const to = (from: number): number => {
    const off = deny - (from + 1);
    if (off > 255) throw new Error('seccomp program too long for a BPF jump');
    return off;
  };

  prog.push(ins(BPF_LD_W_ABS, OFF_ARCH));
  prog.push(ins(BPF_JEQ_K, AUDIT_ARCH_X86_64, 1, 0));
  prog.push(ins(BPF_RET_K, SECCOMP_RET_KILL_PROCESS));
  prog.push(ins(BPF_LD_W_ABS, OFF_NR));
  prog.push(ins(BPF_JGE_K, X32_SYSCALL_BIT, to(4), 0));
  denied.forEach((nr, i) => prog.push(ins(BPF_JEQ_K, nr, to(5 + i), 0)));
  prog.push(ins(BPF_JEQ_K, SYS_SOCKET, 1, 0)); // socketCheckStart
  prog.push(ins(BPF_RET_K, SECCOMP_RET_ALLOW));
  prog.push(ins(BPF_LD_W_ABS, OFF_ARG0_LOW));
  prog.push(ins(BPF_JEQ_K, AF_NETLINK, to(socketCheckStart + 3), 0));
  prog.push(ins(BPF_JEQ_K, AF_PACKET, to(socketCheckStart + 4), 0));
  prog.push(ins(BPF_RET_K, SECCOMP_RET_ALLOW));
  prog.push(ins(BPF_RET_K, SECCOMP_RET_ERRNO | EPERM)); // deny
  if (prog.length !== deny + 1) throw new Error('seccomp program layout mismatch');
  return prog;
}

/** Serialises the program as `struct sock_filter[]` for bwrap --seccomp. */
export function seccompBytes(prog: BpfInstruction[] = buildSeccompProgram()): Buffer {
  if (process.arch !== 'x64') {
    throw new Error(`the bwrap seccomp filter is built for x86_64 only; this host is ${process.arch}`);
  }
  const buf = Buffer.alloc(prog.length * 8);
  prog.forEach((p, i) => {
    buf.writeUInt16LE(p.code, i * 8);
    buf.writeUInt8(p.jt, i * 8 + 2);
    buf.writeUInt8(p.jf, i * 8 + 3);
    buf.writeUInt32LE(p.k >>> 0, i * 8 + 4);
  });
  return buf;
}

/** Runs the program on one syscall, as the kernel would (for tests and for `airlock doctor`). */
export function evaluateSeccomp(prog: BpfInstruction[], nr: number, arch: number, arg0 = 0): number {
  let acc = 0;
  for (let pc = 0; pc < prog.length; pc++) {
    const p = prog[pc]!;
    switch (p.code) {
      case BPF_LD_W_ABS:
        acc = p.k === OFF_NR ? nr : p.k === OFF_ARCH ? arch : p.k === OFF_ARG0_LOW ? arg0 >>> 0 : 0;
        break;
      case BPF_JEQ_K:
        pc += acc >>> 0 === p.k >>> 0 ? p.jt : p.jf;
        break;
      case BPF_JGE_K:
        pc += acc >>> 0 >= p.k >>> 0 ? p.jt : p.jf;
        break;
      case BPF_RET_K:
        return p.k >>> 0;
      default:
        throw new Error(`unknown BPF opcode ${p.code}`);
    }
  }
  throw new Error('BPF program fell off the end');
}
