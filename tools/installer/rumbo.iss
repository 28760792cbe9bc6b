; Inno Setup script: turns dist\rumbo\ (from tools\build_installer.py) into one setup program
; for Windows laptops, with a start-menu entry and an uninstaller.
;
;   iscc /DAppVersion=0.1.0 tools\installer\rumbo.iss
;
; Installs for the current user (no administrator rights needed in the field); the database
; and the support log live in the user's data folder and are kept when Rumbo is uninstalled.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C0F6E2B-5B1D-4C3B-9E0A-2D8B7C1E4A51}
AppName=Rumbo
AppVersion={#AppVersion}
AppPublisher=Rumbo
DefaultDirName={localappdata}\Programs\Rumbo
DefaultGroupName=Rumbo
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=rumbo-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\rumbo.ico
UninstallDisplayIcon={app}\rumbo-gui.exe
LicenseFile=..\..\LICENSE
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\rumbo\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Rumbo"; Filename: "{app}\rumbo-gui.exe"
Name: "{group}\Rumbo con datos de demostración"; Filename: "{app}\rumbo-gui.exe"; Parameters: "--demo"
Name: "{userdesktop}\Rumbo"; Filename: "{app}\rumbo-gui.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\rumbo-gui.exe"; Description: "{cm:LaunchProgram,Rumbo}"; Flags: nowait postinstall skipifsilent
