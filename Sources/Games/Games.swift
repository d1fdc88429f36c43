// The games: short, replayable drills drawn from the shipped content.
