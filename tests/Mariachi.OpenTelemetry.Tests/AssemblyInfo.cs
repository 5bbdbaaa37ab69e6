// Every test builds its own OpenTelemetry provider, but a provider listens to the process-wide Mariachi source and
// meter: tests running side by side would export into each other's lists.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
