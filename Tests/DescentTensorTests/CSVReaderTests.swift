import DescentTensor
import Testing

@Suite struct CSVReaderTests {
    private func parse(_ text: String, header: Bool? = nil) throws -> Tensor {
        try CSVReader.parse(text, fileName: "data.csv", header: header)
    }

    @Test func detectsAHeaderRow() throws {
        let table = try parse("x,y\n1,2\n3,4.5\n")
        #expect(table.shape == [2, 2])
        #expect(table.scalars == [1, 2, 3, 4.5])
        #expect(try parse("1,2\n3,4").shape == [2, 2])
    }

    @Test func explicitHeaderSetting() throws {
        #expect(try parse("1,2\n3,4", header: true).scalars == [3, 4])
        #expect(throws: CSVError("\"x\" is not a number", fileName: "data.csv", line: 1, column: 1)) {
            try parse("x,y\n1,2", header: false)
        }
    }

    @Test func windowsLineEndsBlankLinesSpacesAndQuotes() throws {
        #expect(try parse("1,2\r\n3,4\r\n\r\n\n").shape == [2, 2])
        #expect(try parse("\"a\", \"b\"\n\n\"1\", 2 \n").scalars == [1, 2])
        #expect(try parse("\u{FEFF}1\n-2e3\n3").shape == [3, 1])
        #expect(try parse("1\n-2e3\n3").scalars == [1, -2000, 3])
    }

    @Test func raggedRowsNameTheRowAndWhere() {
        #expect(throws: CSVError("row 3 has 2 values, expected 3", fileName: "data.csv", line: 3, column: 4)) {
            try parse("a,b,c\n1,2,3\n4,5\n")
        }
        #expect(throws: CSVError("row 2 has 3 values, expected 2", fileName: "data.csv", line: 2, column: 5)) {
            try parse("1,2\n3,4,5")
        }
    }

    @Test func badNumbersAndEmptyFiles() {
        let error = CSVError("\"abc\" is not a number", fileName: "data.csv", line: 2, column: 4)
        #expect(throws: error) { try parse("1,2\n3, abc\n") }
        #expect(error.description == "data.csv:2:4: \"abc\" is not a number")
        #expect(throws: CSVError("\"\" is not a number", fileName: "data.csv", line: 2, column: 3)) { try parse("1,2,3\n4,,6\n") }
        #expect(throws: CSVError("the file is empty", fileName: "data.csv", line: 1, column: 1)) { try parse("") }
        #expect(throws: CSVError("the file is empty", fileName: "data.csv", line: 1, column: 1)) { try parse("\n  \n") }
        #expect(throws: CSVError("the file has a header but no data rows", fileName: "data.csv", line: 1, column: 1)) {
            try parse("x,y\n")
        }
    }
}
