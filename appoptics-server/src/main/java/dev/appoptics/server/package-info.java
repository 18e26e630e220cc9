/**
 * The self-hosted AppOptics API server: the emulator's API semantics over a durable store, with the operations a
 * server needs (authentication from configured tokens, health, its own metrics, graceful shutdown).
 */
package dev.appoptics.server;
