/**
 * Fleets: one command over many databases or many schemas (a schema or a database per tenant), in parallel in one JVM,
 * each target under its own lock, with a progress line, a summary and an exit code that says whether every target
 * succeeded. {@link dev.retort.fleet.FleetRunner} runs them; {@link dev.retort.fleet.Target} and
 * {@link dev.retort.fleet.Shard} describe what it runs over.
 */
package dev.retort.fleet;
