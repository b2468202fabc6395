/**
 * A local call simulator that plays Twilio's side of an inbound voice call against a VoiceCore server:
 * it posts the incoming-call webhook, follows the TwiML it gets back verb by verb, answers the
 * {@code <Gather>}s, {@code <Dial>}s, {@code <Record>}s and {@code <Enqueue>}s from a {@link
 * com.voicecore.simulator.CallScript}, signs every request like Twilio ({@code X-Twilio-Signature}) and
 * finishes with the call's status callbacks.
 *
 * <p>Used from integration tests ({@link com.voicecore.simulator.CallSimulator}) and from the command line
 * ({@link com.voicecore.simulator.CallSimulatorCli}, Maven profile {@code simulator}).
 *
 * <p>Time is simulated, never slept: each verb advances a clock by a fixed model (see {@link
 * com.voicecore.simulator.Timing}), and {@code CallDuration} and the callbacks' {@code Timestamp}s come from
 * that clock, so tests stay fast and their numbers predictable.
 *
 * <p>Where Twilio's documented behaviour is modelled rather than reproduced (the caller's side of a real
 * phone call is a script here), the class comment says so.
 */
package com.voicecore.simulator;
