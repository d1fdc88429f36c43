/// xAPI 1.0.3 statements from call records, and sending them to a Learning Record Store.
public enum XAPI {}
