import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AF_NETLINK, AF_PACKET, AUDIT_ARCH_X86_64, DENIED_SYSCALLS, SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO, SECCOMP_RET_KILL_PROCESS,
  SYS_SOCKET, buildSeccompProgram, evaluateSeccomp, seccompBytes,
} from '../../src/sandbox/seccomp.js';

const prog = buildSeccompProgram();
const EPERM = SECCOMP_RET_ERRNO | 1;

test('every syscall the issue names is refused with EPERM', () => {
  for (const name of ['ptrace', 'mount', 'umount2', 'kexec_load', 'kexec_file_load', 'bpf', 'userfaultfd', 'perf_event_open',
    'keyctl', 'add_key', 'request_key', 'init_module', 'finit_module', 'delete_module']) {
    const nr = DENIED_SYSCALLS[name];
    assert.ok(nr !== undefined, `${name} is in the deny list`);
    assert.equal(evaluateSeccomp(prog, nr, AUDIT_ARCH_X86_64), EPERM, name);
  }
});

test('netlink and packet sockets are refused, inet and unix sockets allowed', () => {
  assert.equal(evaluateSeccomp(prog, SYS_SOCKET, AUDIT_ARCH_X86_64, AF_NETLINK), EPERM);
  assert.equal(evaluateSeccomp(prog, SYS_SOCKET, AUDIT_ARCH_X86_64, AF_PACKET), EPERM);
  assert.equal(evaluateSeccomp(prog, SYS_SOCKET, AUDIT_ARCH_X86_64, 2 /* AF_INET */), SECCOMP_RET_ALLOW);
  assert.equal(evaluateSeccomp(prog, SYS_SOCKET, AUDIT_ARCH_X86_64, 1 /* AF_UNIX */), SECCOMP_RET_ALLOW);
});

test('ordinary syscalls pass', () => {
  for (const nr of [0 /* read */, 1 /* write */, 2 /* open */, 56 /* clone */, 59 /* execve */, 257 /* openat */]) {
    assert.equal(evaluateSeccomp(prog, nr, AUDIT_ARCH_X86_64), SECCOMP_RET_ALLOW, String(nr));
  }
});

test('other architectures are killed and the x32 range is refused', () => {
  assert.equal(evaluateSeccomp(prog, 26 /* i386 ptrace */, 0x40000003 /* AUDIT_ARCH_I386 */), SECCOMP_RET_KILL_PROCESS);
  assert.equal(evaluateSeccomp(prog, 0x40000000 + 101, AUDIT_ARCH_X86_64), EPERM);
});

test('serialised as struct sock_filter (8 bytes per instruction, little endian)', () => {
  const bytes = seccompBytes(prog);
  assert.equal(bytes.length, prog.length * 8);
  assert.equal(bytes.readUInt16LE(0), 0x20); // BPF_LD|BPF_W|BPF_ABS
  assert.equal(bytes.readUInt32LE(4), 4); // offsetof(seccomp_data, arch)
  assert.equal(bytes.readUInt32LE(12), AUDIT_ARCH_X86_64);
});
