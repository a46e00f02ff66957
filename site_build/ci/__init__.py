"""Output for continuous integration (GitHub Actions): annotations, job summaries, preview page lists."""
