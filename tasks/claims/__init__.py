"""Claims: which sentences are claims, their features and vectors, and the one same-claim decision."""
