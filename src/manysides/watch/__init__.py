"""Following sources as they publish: the sources file, the schedule policy, one poll round, the watch loop."""
