#!/usr/bin/env sh
# Install the unpacked Rumbo folder for the current user, with a menu entry:
#   tar xzf rumbo-<version>-linux-x86_64.tar.gz && sh rumbo-<version>/install-linux.sh
# The program goes to ~/.local/opt/rumbo, the command to ~/.local/bin/rumbo.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${HOME}/.local"
rm -rf "${prefix}/opt/rumbo"
mkdir -p "${prefix}/opt" "${prefix}/bin" "${prefix}/share/applications" "${prefix}/share/icons/hicolor/256x256/apps"
cp -R "${here}" "${prefix}/opt/rumbo"
ln -sf "${prefix}/opt/rumbo/rumbo" "${prefix}/bin/rumbo"
cp "${here}/rumbo.png" "${prefix}/share/icons/hicolor/256x256/apps/rumbo.png"
sed "s|^Exec=rumbo|Exec=${prefix}/opt/rumbo/rumbo|" "${here}/rumbo.desktop" > "${prefix}/share/applications/rumbo.desktop"
echo "Rumbo instalado: búsquelo en el menú de aplicaciones o escriba «rumbo» en una terminal."
