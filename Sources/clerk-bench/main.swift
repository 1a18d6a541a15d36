import ClerkApp

BenchCommand.main()
