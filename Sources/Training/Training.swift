// Group sessions, calibration, refreshers and assessment.
