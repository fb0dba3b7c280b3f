// IMCCommands
