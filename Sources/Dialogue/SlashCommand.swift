/// A slash command typed during a call.
public enum SlashCommand: Sendable, Equatable {
    case help, hint, account, repeatLine, hold, transfer, end, quit
    case notes(String)

    /// Every command with what it does, in the order `/help` lists them.
    public static let all: [(name: String, help: String)] = [
        ("/help", "show these commands"),
        ("/hint", "a hint for this moment (coached mode only)"),
        ("/account", "show the customer's account record"),
        ("/notes TEXT", "keep a private note with the call record"),
        ("/repeat", "hear the customer's last line again"),
        ("/hold", "put the customer on hold (they may not like it)"),
        ("/transfer", "transfer the call to another team (ends your part of it)"),
        ("/end", "end the call now"),
        ("/quit", "leave the call; it is saved as abandoned"),
    ]

    /// The names offered by tab completion.
    public static let names = ["/help", "/hint", "/account", "/notes", "/repeat", "/hold", "/transfer", "/end", "/quit"]

    public enum ParseResult: Sendable, Equatable {
        /// Not a command: a reply to the customer.
        case reply
        case command(SlashCommand)
        /// Starts with `/` but is not a command; the message says what is.
        case unknown(String)
    }

    /// Reads a typed line. A line that starts with `/` followed by a letter is a command; anything else,
    /// including "/ this" or "1/2", is a reply.
    public static func parse(_ line: String) -> ParseResult {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.first == "/", let second = trimmed.dropFirst().first, second.isLetter else { return .reply }
        let word = trimmed.prefix { $0 != " " }.lowercased()
        let rest = String(trimmed.dropFirst(word.count).drop { $0 == " " })
        switch word {
        case "/help", "/?": return .command(.help)
        case "/hint": return .command(.hint)
        case "/account": return .command(.account)
        case "/notes", "/note":
            guard !rest.isEmpty else { return .unknown("Type your note after the command: /notes customer prefers email") }
            return .command(.notes(rest))
        case "/repeat": return .command(.repeatLine)
        case "/hold": return .command(.hold)
        case "/transfer": return .command(.transfer)
        case "/end": return .command(.end)
        case "/quit", "/exit": return .command(.quit)
        default:
            let close = names.min { editDistance($0, word) < editDistance($1, word) }
            let suggestion = close.map { editDistance($0, word) <= 2 ? " Did you mean \($0)?" : "" } ?? ""
            return .unknown("\(word) is not a command.\(suggestion) Type /help to see the commands.")
        }
    }
}
