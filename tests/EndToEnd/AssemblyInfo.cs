// The end-to-end tests start real processes (the switch, sipp, node) on a 2-core machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
