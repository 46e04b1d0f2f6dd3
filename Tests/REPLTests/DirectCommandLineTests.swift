import Foundation
import Testing

/// `descent FILE` and `descent -e CODE` skip ArgumentParser (DirectCommandLine); the same
/// lines after `run` go through it. Both must give the same output and exit status, and
/// lines that only look alike must still reach ArgumentParser.
@Suite struct DirectCommandLineTests {
    private func runBothWays(_ arguments: [String]) throws -> DescentBinary.Run {
        let home = try TemporaryHome()
        let direct = try DescentBinary.run(arguments, environment: home.environment)
        let parsed = try DescentBinary.run(["run"] + arguments, environment: home.environment)
        #expect(direct.standardOutput == parsed.standardOutput, "\(arguments)")
        #expect(direct.standardError == parsed.standardError, "\(arguments)")
        #expect(direct.status == parsed.status, "\(arguments)")
        return direct
    }

    @Test func snippetPrintsItsValues() throws {
        let run = try runBothWays(["-e", "1+1"])
        #expect(run.standardOutput == "2\n")
        #expect(run.status == 0)
    }

    @Test func snippetErrorsGoToStandardErrorWithStatusOne() throws {
        let run = try runBothWays(["-e", "a = 2\nb + a"])
        #expect(run.standardError.hasPrefix("<-e>:2:1: error: unknown name 'b'"))
        #expect(run.status == 1)
    }

    @Test func emptySnippetDoesNothing() throws {
        let run = try runBothWays(["-e", ""])
        #expect(run.standardOutput.isEmpty && run.standardError.isEmpty && run.status == 0)
    }

    @Test func snippetThatLooksLikeAnOptionIsArgumentParsersError() throws {
        let run = try runBothWays(["-e", "-1"])
        #expect(run.standardError.contains("Missing value for '-e <e>'"))
        #expect(run.status == 64)
    }

    @Test func scriptRunsWithoutEchoingValues() throws {
        let home = try TemporaryHome()
        try home.write("x = 3\nx * 2\nprint x + 1\n", to: "script.descent")
        let run = try runBothWays([home.file("script.descent")])
        #expect(run.standardOutput == "4\n")
        #expect(run.status == 0)
    }

    @Test func missingScriptIsAnError() throws {
        let run = try runBothWays(["/nonexistent/script.descent"])
        #expect(run.standardError == "descent: error: cannot read '/nonexistent/script.descent': no such file\n")
        #expect(run.status == 1)
    }

    @Test func subcommandNamesStayWithArgumentParser() throws {
        let home = try TemporaryHome()
        let check = try DescentBinary.run(["check"], environment: home.environment)
        #expect(check.standardError.contains("Missing expected argument '<file>'"))
        #expect(check.status == 64)
        let help = try DescentBinary.run(["help"], environment: home.environment)
        #expect(help.standardOutput.hasPrefix("OVERVIEW: Descent: a small language"))
        #expect(help.status == 0)
    }
}
