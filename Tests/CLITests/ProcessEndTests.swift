import Testing
@testable import EpistolaryCLI

/// What a command hands `ProcessEnd` is held to the process's end only in the tool itself:
/// in-process runs (tests, library callers) free it as usual.
@Suite struct ProcessEndTests {
    final class Probe {}

    @Test func theProcessKeepsNothingUnlessTheToolTurnedItOn() {
        #expect(!ProcessEnd.shared.isKeeping, "tests run commands in-process: nothing may be kept")
        weak var probe: Probe?
        do {
            let made = Probe()
            probe = made
            ProcessEnd.keep((made, 1))
        }
        #expect(probe == nil)
    }

    @Test func anEndThatKeepsHoldsWhatItIsGiven() {
        let end = ProcessEnd()
        end.keepUntilExit()
        weak var probe: Probe?
        do {
            let made = Probe()
            probe = made
            end.keep((made, "and a tuple around it"))
        }
        #expect(probe != nil)
        #expect(end.heldCount == 1)
    }

    @Test func anEndThatDoesNotKeepFreesAtOnce() {
        let end = ProcessEnd()
        weak var probe: Probe?
        do {
            let made = Probe()
            probe = made
            end.keep(made)
        }
        #expect(probe == nil)
        #expect(end.heldCount == 0)
    }
}
