import IMCCommands
import Testing

@Suite struct IMCConfigurationTests {
    @Test func defaultsAreKamailios() {
        let defaults = IMCConfiguration.kamailioDefaults
        #expect(defaults.commandStart == "#")
        #expect(defaults.commandMarker == UInt8(ascii: "#"))
        #expect(defaults.createsRoomOnJoin)
        #expect(!defaults.checksOnCreate)
        #expect(defaults.bucketCount == 16)
        #expect(defaults.bodyBufferSize == 32768)
        #expect(!defaults.helpListsModify)
    }

    @Test func refusesWhatKamailioRefuses() {
        #expect(throws: IMCConfigurationError(.emptyCommandStart)) { try IMCConfiguration(commandStart: "") }
        #expect(throws: IMCConfigurationError(.hashSizeOutOfRange)) { try IMCConfiguration(hashSizeExponent: 0) }
        #expect(throws: IMCConfigurationError(.bodyBufferTooSmall)) { try IMCConfiguration(bodyBufferSize: 100) }
    }
}
