; Inno Setup 6 script of ONE Cleaner for Windows (per-user install, no administrator rights).
;
; Build (on Windows, from the repository root):
;   python installer\build.py                      -> dist\onecleaner\ (onecleaner.exe, onecleaner-gui.exe)
;   iscc /DAppVersion=0.1.0 installer\windows\onecleaner.iss
;                                                  -> dist\onecleaner-0.1.0-setup.exe
;
; Keep in step with the other packages: the app id (io.github.onecleaner.OneCleaner), the
; Run-key value name ("ONE Cleaner", as in onecleaner/autostart.py) and the tray command
; (onecleaner-gui.exe --tray).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "ONE Cleaner"
#define AppId "io.github.onecleaner.OneCleaner"
#define GuiExe "onecleaner-gui.exe"
#define CliExe "onecleaner.exe"
#define RunKey "Software\Microsoft\Windows\CurrentVersion\Run"
#define RunValue "ONE Cleaner"

[Setup]
; AppId must never change: it is how upgrades and the uninstaller find this install.
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ONE Cleaner team
AppPublisherURL=https://github.com/onecleaner/onecleaner
AppSupportURL=https://github.com/onecleaner/onecleaner/issues
; Per user: installs into %LOCALAPPDATA%\Programs, writes only HKCU, needs no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=onecleaner-{#AppVersion}-setup
SetupIconFile=build\icons\onecleaner.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running ONE Cleaner (e.g. in the tray) is closed through the Restart Manager before
; files are replaced or removed.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.AutostartTask=Start ONE Cleaner in the system tray when I sign in
en.AutostartGroup=Start at sign-in:
en.LaunchNow=Start ONE Cleaner now
en.DeleteDataQuestion=Also delete your ONE Cleaner data from this computer?%n%nThis erases your activity journal, consent choices, optional registration, settings and keys. Cleaned files are not affected. Choose No to keep them for a later reinstall.
en.DeleteDataFailed=ONE Cleaner could not delete all of your data (exit code %1). You can delete it later by reinstalling and running "onecleaner privacy forget".

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "autostart"; Description: "{cm:AutostartTask}"; GroupDescription: "{cm:AutostartGroup}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder bundle made by installer\build.py.
Source: "dist\onecleaner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; AppUserModelID: "{#AppId}"; Comment: "Find and remove cache, temporary and other regenerable junk"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; AppUserModelID: "{#AppId}"; Tasks: desktopicon

[Registry]
; The same value onecleaner/autostart.py writes when the user turns "start in the tray" on in
; the app's settings, so either side can switch it off.
Root: HKCU; Subkey: "{#RunKey}"; ValueType: string; ValueName: "{#RunValue}"; ValueData: """{app}\{#GuiExe}"" --tray"; Tasks: autostart; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

[Code]
{ Uninstall: offer to delete the user's data through the privacy module's forget
  (onecleaner.exe privacy forget --yes), while the program files still exist. A silent
  uninstall never deletes data: only a person who said yes does. The Run value is removed
  in every case, also when the app's settings (not the installer task) created it. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  ResultCode: Integer;
begin
  if CurUninstallStep = usUninstall then
  begin
    if not UninstallSilent then
    begin
      if MsgBox(CustomMessage('DeleteDataQuestion'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      begin
        if not Exec(ExpandConstant('{app}\{#CliExe}'), 'privacy forget --yes', '',
                    SW_HIDE, ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
          MsgBox(FmtMessage(CustomMessage('DeleteDataFailed'), [IntToStr(ResultCode)]),
                 mbError, MB_OK);
      end;
    end;
    RegDeleteValue(HKEY_CURRENT_USER, '{#RunKey}', '{#RunValue}');
  end;
end;
