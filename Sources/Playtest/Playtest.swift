/// Automated plays of scenarios: generated playthroughs (`calldojo validate --playthrough`) and golden
/// transcripts (`calldojo test`).
public enum Playtest {}
