// Loaded with `node --require` before the server or the CLI: every way Node opens a connection,
// resolves a name or starts a program throws loudly, and is recorded (one JSON line per attempt) in
// the file named by LEONARDO_NETWORK_LOG. Standard input and output keep working: they are already
// open, and nothing here touches an open socket. test/security/no-network.test.ts reads the log.
'use strict';
const fs = require('fs');

const logFile = process.env.LEONARDO_NETWORK_LOG;
if (!logFile) throw new Error('no-network-hook: set LEONARDO_NETWORK_LOG');
fs.appendFileSync(logFile, JSON.stringify({ loaded: process.pid }) + '\n');

function forbid(owner, name, label) {
  const original = owner[name];
  if (typeof original !== 'function') return;
  owner[name] = function forbidden(...args) {
    const target = args.length > 0 && typeof args[0] !== 'function' ? safe(args[0]) : '';
    fs.appendFileSync(logFile, JSON.stringify({ attempt: label, target, stack: new Error().stack }) + '\n');
    throw new Error(`no-network-hook: ${label} is forbidden (${target})`);
  };
}

function safe(value) {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value).slice(0, 200);
  } catch {
    return String(value);
  }
}

const net = require('net');
const tls = require('tls');
const http = require('http');
const https = require('https');
const http2 = require('http2');
const dns = require('dns');
const dgram = require('dgram');
const childProcess = require('child_process');

forbid(net, 'connect', 'net.connect');
forbid(net, 'createConnection', 'net.createConnection');
forbid(net.Socket.prototype, 'connect', 'net.Socket#connect');
forbid(net, 'createServer', 'net.createServer');
forbid(tls, 'connect', 'tls.connect');
for (const [module, label] of [[http, 'http'], [https, 'https']]) {
  forbid(module, 'request', `${label}.request`);
  forbid(module, 'get', `${label}.get`);
  forbid(module, 'createServer', `${label}.createServer`);
}
forbid(http2, 'connect', 'http2.connect');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) forbid(dns, name, `dns.${name}`);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) forbid(dns.promises, name, `dns.promises.${name}`);
forbid(dgram, 'createSocket', 'dgram.createSocket');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) forbid(childProcess, name, `child_process.${name}`);
forbid(globalThis, 'fetch', 'fetch');
if (typeof globalThis.WebSocket === 'function') forbid(globalThis, 'WebSocket', 'WebSocket');
