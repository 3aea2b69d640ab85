import GleanCLI

await GleanMain.main()
